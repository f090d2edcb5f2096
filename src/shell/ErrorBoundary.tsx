import { Component, type ReactNode } from "react";
import { ErrorNotice } from "./ErrorNotice";

/** Keeps a render failure in one section from blanking the whole pane. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error) return <ErrorNotice error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
