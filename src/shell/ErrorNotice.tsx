import { lazy, Suspense } from "react";
import { MatterlineError } from "@domain/errors";
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

const SIGN_IN_CODES: ReadonlySet<string> = new Set(["sign-in-required", "consent-refused", "wrong-account"]);

/** An error in the pane: a Fluent MessageBar with the plain message; the same words show at once while it loads. */
export function ErrorNotice(props: ErrorNoticeProps) {
  // Sign-in problems are said once, by the pane's sign-in bar (which every token request reports to), not by each section.
  if (props.error instanceof MatterlineError && SIGN_IN_CODES.has(props.error.code)) return null;
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
