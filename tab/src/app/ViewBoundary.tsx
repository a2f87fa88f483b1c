import { Component, type ReactNode } from 'react';
import { ErrorState } from './StateViews';

type ViewBoundaryProps = { readonly children: ReactNode; readonly resetKey: string };
type ViewBoundaryState = { readonly error: unknown; readonly key: string };

/** A view that throws shows the error state instead of a blank tab; moving to another view clears it. */
export class ViewBoundary extends Component<ViewBoundaryProps, ViewBoundaryState> {
  override state: ViewBoundaryState = { error: undefined, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ViewBoundaryState> {
    return { error: error ?? new Error('view failed') };
  }

  static getDerivedStateFromProps(props: ViewBoundaryProps, state: ViewBoundaryState) {
    return props.resetKey === state.key ? null : { error: undefined, key: props.resetKey };
  }

  override render() {
    return this.state.error ? <ErrorState error={this.state.error} /> : this.props.children;
  }
}
