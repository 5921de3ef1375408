/** The one answer a driver waits for on its line, settled once: by the answer, by a failure, or by its timer. */
export class AwaitedAnswer<T> {
  private current: { done: (value: T) => void; fail: (err: Error) => void } | null = null;

  get waiting(): boolean {
    return this.current !== null;
  }

  /** Waits at most `timeoutMs`; then settles with what `onTimeout` returns, or rejects with what it throws. */
  wait(timeoutMs: number, onTimeout: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        this.current = null;
      };
      const timer = setTimeout(() => {
        settle();
        try {
          resolve(onTimeout());
        } catch (err) {
          reject(err as Error);
        }
      }, timeoutMs);
      this.current = {
        done: (value) => {
          settle();
          resolve(value);
        },
        fail: (err) => {
          settle();
          reject(err);
        },
      };
    });
  }

  done(value: T): void {
    this.current?.done(value);
  }

  fail(err: Error): void {
    this.current?.fail(err);
  }
}
