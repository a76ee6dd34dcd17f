// Raw HTTP helpers for the preview tests: requests go out byte for byte (fetch would normalise `..`).
import { request, type IncomingHttpHeaders } from "node:http";

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends one request with the path exactly as given to 127.0.0.1:port. */
export function rawRequest(port: number, rawPath: string, method = "GET", headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: rawPath, method, agent: false, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Opens an event stream and collects its text until `close` is called. */
export function openEventStream(port: number, rawPath: string): Promise<{ status: number; headers: IncomingHttpHeaders; text: () => string; waitFor: (needle: string, timeoutMs?: number) => Promise<void>; close: () => void }> {
  return new Promise((resolve, reject) => {
    let text = "";
    const waiters: Array<() => void> = [];
    const req = request({ host: "127.0.0.1", port, path: rawPath, agent: false }, (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
        for (const waiter of waiters.splice(0)) waiter();
      });
      res.on("error", () => {});
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        text: () => text,
        waitFor: (needle, timeoutMs = 5000) =>
          new Promise<void>((done, fail) => {
            const deadline = setTimeout(() => fail(new Error(`no "${needle}" in the event stream within ${timeoutMs} ms; got: ${JSON.stringify(text)}`)), timeoutMs);
            const check = () => {
              if (text.includes(needle)) {
                clearTimeout(deadline);
                done();
              } else waiters.push(check);
            };
            check();
          }),
        close: () => req.destroy(),
      });
    });
    req.on("error", (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}
