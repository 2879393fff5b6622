"""A local SMTP sink for benches/http.sh: accepts every message and counts it.

Python standard library only (nothing to install). Prints the port it listens on, then
writes the number of messages received to COUNT_FILE every 0.2 s.

    python3 smtp_sink.py COUNT_FILE
"""
import asyncio
import os
import sys

received = 0

async def session(reader, writer):
    global received
    writer.write(b"220 sink ESMTP\r\n")
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                writer.write(b"250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n")
            elif verb == b"DATA":
                writer.write(b"354 go on\r\n")
                await writer.drain()
                while True:
                    data = await reader.readline()
                    if not data or data == b".\r\n":
                        break
                received += 1
                writer.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                break
            else:  # MAIL, RCPT, RSET, NOOP
                writer.write(b"250 ok\r\n")
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()

async def report(path):
    while True:
        with open(path + ".tmp", "w") as f:
            f.write(str(received))

        os.replace(path + ".tmp", path)
        await asyncio.sleep(0.2)

async def main(path):
    server = await asyncio.start_server(session, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    asyncio.ensure_future(report(path))
    async with server:
        await server.serve_forever()

if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
