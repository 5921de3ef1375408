import { Bi, useLabels } from './bilingual';

/** Shown until staff open the page with its key: nothing can be fetched without it. */
export function SetupNeeded({ messageKey }: { messageKey: string }) {
  const label = useLabels('en');
  return (
    <main className="setup-needed">
      <Bi {...label(messageKey)} language="en" />
    </main>
  );
}
