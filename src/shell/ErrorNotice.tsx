import { lazy, Suspense } from "react";
import { plainMessage } from "./errorMessages";

// The Fluent MessageBar (and its icons) loads on the first error, not with the pane: most sessions never need it.
const ErrorNoticeBar = lazy(() =>
  import(/* webpackChunkName: "error-notice" */ "./ErrorNoticeBar").then((m) => ({ default: m.ErrorNoticeBar })),
);

export interface ErrorNoticeProps {
  readonly error: unknown;
  readonly onDismiss?: () => void;
  readonly onRetry?: () => void;
}

/** An error in the pane: a Fluent MessageBar with the plain message; the same words show at once while it loads. */
export function ErrorNotice(props: ErrorNoticeProps) {
  const { title, detail, details } = plainMessage(props.error);
  return (
    <Suspense
      fallback={
        <div role="alert">
          <strong>{title}</strong>
          {detail ? <div>{detail}</div> : null}
          {details.length ? (
            <ul>
              {details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      }
    >
      <ErrorNoticeBar {...props} />
    </Suspense>
  );
}
