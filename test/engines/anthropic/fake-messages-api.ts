// A fake Messages API on 127.0.0.1 (DESIGN.md §5): JSON or server-sent-event replies, error
// bodies with retry-after-ms: 1, stalls; every request body is recorded for assertions.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the server answers to one request; a function sees the request body first. */
export type FakeReply =
  | { text: string; usage?: { input_tokens: number; output_tokens: number; cache_read_input_tokens?: number; cache_creation_input_tokens?: number }; stopReason?: string; frameDelayMs?: number }
  | { status: number; errorType: string; message: string }
  | { stall: true }
  /** No headers at all: only the client timeout ends this. */
  | { hang: true };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  raw: string;
  body: { model: string; max_tokens: number; stream?: boolean; system: Array<{ type: string; text: string; cache_control?: { type: string } }>; messages: Array<{ role: string; content: string }>; output_config?: { format: { type: string; schema: unknown } } };
}

export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

type Responder = FakeReply | ((request: RecordedRequest) => FakeReply);

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

async function sendSse(res: ServerResponse, model: string, reply: Extract<FakeReply, { text: string }>): Promise<void> {
  const pause = () => new Promise((resolve) => setTimeout(resolve, reply.frameDelayMs ?? 0));
  const usage = reply.usage ?? { input_tokens: 1200, output_tokens: 800 };
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.write(frame("message_start", { type: "message_start", message: { id: "msg_fake", type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } }));
  res.write(frame("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }));
  res.write(frame("ping", { type: "ping" }));
  // Several deltas, as a real stream arrives.
  const size = Math.max(1, Math.ceil(reply.text.length / 4));
  for (let at = 0; at < reply.text.length; at += size) {
    if (reply.frameDelayMs) await pause();
    res.write(frame("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: reply.text.slice(at, at + size) } }));
  }
  res.write(frame("content_block_stop", { type: "content_block_stop", index: 0 }));
  res.write(frame("message_delta", { type: "message_delta", delta: { stop_reason: reply.stopReason ?? "end_turn", stop_sequence: null }, usage: { output_tokens: usage.output_tokens } }));
  res.write(frame("message_stop", { type: "message_stop" }));
  res.end();
}

function sendJson(res: ServerResponse, model: string, reply: Extract<FakeReply, { text: string }>): void {
  const usage = reply.usage ?? { input_tokens: 1200, output_tokens: 800 };
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ id: "msg_fake", type: "message", role: "assistant", model, content: [{ type: "text", text: reply.text }], stop_reason: reply.stopReason ?? "end_turn", stop_sequence: null, usage }));
}

/** Starts the fake API; each request takes the next responder (the last one repeats). */
export async function startFakeApi(responders: Responder[]): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = { path: req.url ?? "", headers: req.headers, raw, body: JSON.parse(raw || "{}") as RecordedRequest["body"] };
      requests.push(recorded);
      const responder = responders[Math.min(requests.length - 1, responders.length - 1)]!;
      const reply = typeof responder === "function" ? responder(recorded) : responder;
      if ("hang" in reply) return;
      if ("stall" in reply) {
        // Headers and the first events, then silence: only the client's watchdog ends this.
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(frame("message_start", { type: "message_start", message: { id: "msg_stall", type: "message", role: "assistant", model: recorded.body.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } } }));
        return;
      }
      if ("status" in reply) {
        res.writeHead(reply.status, { "content-type": "application/json", "retry-after-ms": "1" });
        res.end(JSON.stringify({ type: "error", error: { type: reply.errorType, message: reply.message } }));
        return;
      }
      if (recorded.body.stream) void sendSse(res, recorded.body.model, reply);
      else sendJson(res, recorded.body.model, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
