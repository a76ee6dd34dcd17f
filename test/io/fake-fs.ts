import { nodeFileSystem, type FileHandleLike, type FileSystem } from "../../src/io/file-system.js";

/** Which call fails, and with which errno code. */
export interface Failure {
  op: "open" | "write" | "sync" | "close" | "rename" | "unlink" | "readFile" | "mkdir";
  code: string;
  /** Only fail when the path matches. */
  when?: (file: string) => boolean;
}

function systemError(code: string, op: string, file: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: simulated failure, ${op} '${file}'`) as NodeJS.ErrnoException;
  error.code = code;
  return error;
}

/** The real file system with injected failures, recording every call. */
export function faultyFs(failures: Failure[]): FileSystem & { calls: string[] } {
  const calls: string[] = [];
  const fail = (op: Failure["op"], file: string) => {
    calls.push(`${op} ${file}`);
    const match = failures.find((f) => f.op === op && (f.when ? f.when(file) : true));
    if (match) throw systemError(match.code, op, file);
  };
  return {
    calls,
    async open(file, flags, mode) {
      fail("open", file);
      const handle = await nodeFileSystem.open(file, flags, mode);
      const wrapped: FileHandleLike = {
        async writeFile(data, encoding) {
          fail("write", file);
          await handle.writeFile(data, encoding);
        },
        async sync() {
          fail("sync", file);
          await handle.sync();
        },
        async close() {
          await handle.close();
          fail("close", file);
        },
      };
      return wrapped;
    },
    async rename(from, to) {
      fail("rename", from);
      await nodeFileSystem.rename(from, to);
    },
    async unlink(file) {
      fail("unlink", file);
      await nodeFileSystem.unlink(file);
    },
    async readFile(file) {
      fail("readFile", file);
      return nodeFileSystem.readFile(file);
    },
    async mkdir(dir) {
      fail("mkdir", dir);
      await nodeFileSystem.mkdir(dir);
    },
    readdir: (dir) => nodeFileSystem.readdir(dir),
    stat: (file) => nodeFileSystem.stat(file),
  };
}
