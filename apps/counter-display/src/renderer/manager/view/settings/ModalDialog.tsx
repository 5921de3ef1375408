import { type ReactNode, useEffect, useRef } from 'react';

/** A dialog shown modal while mounted; Escape or a close button both end in `onClose`. */
export function ModalDialog(props: {
  className: string;
  testId: string;
  /** The id of its title. */
  labelledBy: string;
  onClose(): void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current!;
    element.showModal();
    return () => element.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={props.className}
      data-testid={props.testId}
      aria-labelledby={props.labelledBy}
      onClose={() => props.onClose()}
    >
      {props.children}
    </dialog>
  );
}
