import { Component, type ReactNode } from 'react';
import { ScreenHeader } from '../components/ScreenHeader';
import { SCREEN_TITLES, type Screen } from '../stores/navigation';

/** A screen's code that did not arrive: its file is gone or renamed (the desk was rebuilt or updated while open). */
const isMissingCode = (error: Error) =>
  /dynamically imported module|Importing a module script failed|error loading dynamically imported/i.test(
    error.message,
  );

/**
 * One screen failing (its file missing after an update, or an error while drawing it) shows what happened and what
 * to do instead of a blank window; the navigation and the other screens go on working. Reset when another screen opens.
 */
export class ScreenFailure extends Component<{ screen: Screen; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(previous: { screen: Screen }) {
    if (previous.screen !== this.props.screen && this.state.error) this.setState({ error: null });
  }

  override componentDidCatch(error: unknown) {
    console.error(`The ${this.props.screen} screen failed`, error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const title = SCREEN_TITLES[this.props.screen];
    return (
      <>
        <ScreenHeader title={title} />
        <section className="screen-notice" role="alert" aria-label={`${title} could not open`}>
          <p>
            {isMissingCode(error)
              ? `${title} could not open: its code could not be loaded. The desk was probably updated while this window was open.`
              : `${title} stopped with an error: ${error.message}`}
          </p>
          <p className="muted">
            Reload the window to start it again. Nothing recorded is lost: the queues, the journal and every decision
            are kept by the desk, not by this window. The other screens still work.
          </p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload the window
          </button>
        </section>
      </>
    );
  }
}
