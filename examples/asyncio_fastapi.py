"""Embedding a Kamaelia system in a FastAPI app.

The app's lifespan runs a Kamaelia pipeline for as long as the app runs; each
request puts a word into it through an ``AsyncHandle`` and awaits the answer.
The example calls the app in-process through httpx's ASGI transport (no
server, no network). Needs kamaelia-axon, kamaelia-chassis, fastapi and httpx:

    python examples/asyncio_fastapi.py
"""

import asyncio
import contextlib

import httpx
from Axon import aio
from fastapi import FastAPI

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.PureTransformer import PureTransformer


@contextlib.asynccontextmanager
async def lifespan(app):
    shout = Pipeline(PureTransformer(str.upper), PureTransformer(lambda word: word + "!"))
    async with aio.AsyncHandle(shout) as handle:
        app.state.shout = handle
        app.state.turn = asyncio.Lock()
        yield
    print("the pipeline stopped with the app")


app = FastAPI(lifespan=lifespan)


@app.get("/shout/{word}")
async def shout(word: str):
    async with app.state.turn:  # one request at a time, so each answer goes to its asker
        await app.state.shout.put(word)
        return {"shouted": await app.state.shout.get()}


async def main():
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:
            replies = await asyncio.gather(
                *(client.get(f"/shout/{word}") for word in ["fastapi", "meets", "kamaelia"])
            )
            for reply in replies:
                print(reply.json())


if __name__ == "__main__":
    asyncio.run(main())
