"""Using an asyncio library (httpx) from components, inside an asyncio program.

A tiny HTTP server (asyncio.start_server, on 127.0.0.1) answers
``GET /square/N``. A Kamaelia pipeline feeds numbers to an
``AsyncTransformer`` that fetches each one with httpx, four at a time, and
prints the answers in order; a component then checks the server once more
with ``yield Await(...)``. Needs kamaelia-axon, kamaelia-chassis and httpx:

    python examples/asyncio_http.py
"""

import asyncio

import httpx
from Axon import aio
from Axon.Component import component

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.DataSource import DataSource


async def answer(reader, writer):
    """A one-route HTTP/1.1 server: /square/N answers N*N as text."""
    request = (await reader.readuntil(b"\r\n\r\n")).decode()
    number = int(request.split()[1].rsplit("/", 1)[1])
    await asyncio.sleep(0.01 * (5 - number % 5))  # later requests may finish first
    body = str(number * number).encode()
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body))
    writer.write(body)
    await writer.drain()
    writer.close()


class Printer(component):
    """Prints what arrives; on producerFinished, asks the server once more itself, then ends."""

    def __init__(self, client):
        super().__init__()
        self.client = client

    def main(self):
        while not self.dataReady("control"):
            while self.dataReady("inbox"):
                print(self.recv("inbox"))
            self.pause()
            yield 1
        while self.dataReady("inbox"):
            print(self.recv("inbox"))
        response = yield aio.Await(self.client.get("/square/12"), timeout=5)
        print("and finally", response.text)


async def main():
    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server, httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:

        async def square(number):
            response = await client.get(f"/square/{number}")
            return f"{number} squared is {response.text}"

        await aio.run(
            Pipeline(
                DataSource(range(1, 8)),
                aio.AsyncTransformer(square, concurrency=4),
                Printer(client),
            )
        )


if __name__ == "__main__":
    asyncio.run(main())
