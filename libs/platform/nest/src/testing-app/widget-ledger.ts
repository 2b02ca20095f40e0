/**
 * Test double for "the command ran": counts executions so idempotency tests can prove a replay did
 * not run the handler again, and can hold a request in flight until released.
 */
export class WidgetLedger {
  executions = 0;
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  private entered: (() => void) | undefined;
  private enteredPromise: Promise<void> | undefined;
  private failing: Error | undefined;

  /** The next `pass()` throws `error` (a failure after the command's append, before its commit). */
  failNext(error: Error): void {
    this.failing = error;
  }

  /** The next `pass()` waits until `release()`; resolves `entered()` once a request is waiting. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
    this.enteredPromise = new Promise((resolve) => (this.entered = resolve));
  }

  entered$(): Promise<void> {
    return this.enteredPromise ?? Promise.resolve();
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
  }

  async pass(): Promise<void> {
    this.executions += 1;
    const failing = this.failing;
    this.failing = undefined;
    if (failing !== undefined) throw failing;
    if (this.gate !== undefined) {
      this.entered?.();
      await this.gate;
    }
  }
}
