// Progress of a reply on stderr: a spinner with elapsed time and tokens on a terminal, plain lines elsewhere.

/** Where progress goes: plain lines, and a terminal for the spinner when stderr is one. */
export interface ProgressSink {
  line(text: string): void;
  /** Raw writes to a terminal; absent when stderr is not a TTY. */
  terminal?: { write(text: string): void } | undefined;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** Tracks one reply: call `text` as characters arrive, `done` with the final output tokens, `stop` always. */
export interface ReplyProgress {
  text(totalChars: number): void;
  done(outputTokens: number): void;
  stop(): void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Starts showing progress for a labelled reply (e.g. "Claude is deciding"). */
export function startProgress(sink: ProgressSink | undefined, label: string, now: () => number = Date.now): ReplyProgress {
  const started = now();
  let chars = 0;
  let frame = 0;
  const terminal = sink?.terminal;
  // About four characters per token: an estimate until the reply reports its real count.
  const render = () => terminal?.write(`\r\x1b[K${FRAMES[frame++ % FRAMES.length]} ${label}… ${seconds(now() - started)} · ~${Math.round(chars / 4)} tokens`);
  const timer = terminal ? setInterval(render, 100) : undefined;
  timer?.unref?.();
  if (terminal) render();
  else sink?.line(`${label}…`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (timer) clearInterval(timer);
    terminal?.write("\r\x1b[K");
  };
  return {
    text: (total) => void (chars = total),
    done(outputTokens) {
      stop();
      sink?.line(`${label}: done in ${seconds(now() - started)}, ${outputTokens.toLocaleString("en-US")} output tokens.`);
    },
    stop,
  };
}
