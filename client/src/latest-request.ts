// "The latest request wins", once for every webview that follows the documents (escalation preview and
// simulation, schedule preview, dashboard): a refresh waits for a quiet moment, a newer one cancels the
// request of an older one, and an answer that arrives after a newer refresh began is dropped.
import { CancellationToken, CancellationTokenSource } from "vscode-jsonrpc";

/** What a refresh is given: the token to pass to the request, and whether its answer is still wanted. */
export interface RefreshTurn {
  token: CancellationToken;
  /** False once a newer refresh has begun or the view was disposed: drop the answer. */
  current(): boolean;
}

export class LatestRequest {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: CancellationTokenSource | undefined;
  private generation = 0;

  constructor(
    private readonly refresh: (turn: RefreshTurn) => Promise<void>,
    private readonly delayMs: number,
  ) {}

  /** Refreshes after `delay` ms of quiet; another call before then starts the wait again. */
  schedule(delay = this.delayMs): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.now(), delay);
  }

  /** Refreshes now, cancelling the request of any earlier refresh. */
  now(): Promise<void> {
    this.timer = undefined;
    this.running?.cancel();
    const source = new CancellationTokenSource();
    this.running = source;
    const generation = ++this.generation;
    return this.refresh({ token: source.token, current: () => generation === this.generation });
  }

  /** No refresh after this; an answer still on its way is dropped. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.running?.cancel();
    this.generation++;
  }
}
