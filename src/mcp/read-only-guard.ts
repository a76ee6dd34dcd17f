// Read-only servers do not offer the write-only tools, so the SDK would answer a call to one with
// a bare "not found". This transport wrapper answers it first with a tool error that says why.
import type { Transport, TransportSendOptions } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

/** Wraps a transport so `tools/call` of a refused tool gets a clear tool error instead of reaching the server. */
export class RefusingTransport implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: Transport["onmessage"];
  sessionId?: string | undefined;

  constructor(
    private readonly inner: Transport,
    /** The refusal message for a tool name, or undefined to let the call through. */
    private readonly refusal: (toolName: string) => string | undefined,
  ) {}

  async start(): Promise<void> {
    this.inner.onclose = () => this.onclose?.();
    this.inner.onerror = (error) => this.onerror?.(error);
    this.inner.onmessage = (message, extra) => {
      const refused = refusedCall(message, this.refusal);
      if (refused) {
        this.inner.send(refused).catch((error: unknown) => this.onerror?.(error as Error));
        return;
      }
      this.onmessage?.(message, extra);
    };
    await this.inner.start();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    return this.inner.send(message, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The error reply for a refused tools/call request, or undefined for every other message. */
function refusedCall(message: JSONRPCMessage, refusal: (toolName: string) => string | undefined): JSONRPCMessage | undefined {
  const request = message as { method?: unknown; id?: unknown; params?: { name?: unknown } };
  if (request.method !== "tools/call" || request.id === undefined || typeof request.params?.name !== "string") return undefined;
  const text = refusal(request.params.name);
  if (text === undefined) return undefined;
  return { jsonrpc: "2.0", id: request.id as string | number, result: { content: [{ type: "text", text }], isError: true } };
}
