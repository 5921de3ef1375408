import { useEffect } from 'react';
import type { CounterStore } from './store/types';
import { CounterContext, useActions, useCounter } from './view/counter-context';
import { LoginScreen } from './view/LoginScreen';
import { Panel } from './view/Panel';

const TICK_MS = 1000;

export function App(props: { store: CounterStore }) {
  return (
    <CounterContext.Provider value={props.store}>
      <Counter />
    </CounterContext.Provider>
  );
}

function Counter() {
  const loggedIn = useCounter((s) => s.session !== null);
  const { tick } = useActions();
  useEffect(() => {
    const id = setInterval(tick, TICK_MS);
    return () => clearInterval(id);
  }, [tick]);
  return loggedIn ? <Panel /> : <LoginScreen />;
}
