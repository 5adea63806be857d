"""Embedding Kamaelia in an asyncio application: AsyncHandle and cancellation.

Coroutines put words into a Kamaelia pipeline and read its answers with
``async for``; then a long-running component runs as an asyncio task until
the application cancels it, which shuts it down cleanly. Needs kamaelia-axon
and kamaelia-chassis:

    python examples/asyncio_embed.py
"""

import asyncio

from Axon import aio
from Axon.Component import component
from Axon.Ipc import producerFinished

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.PureTransformer import PureTransformer


class Heartbeat(component):
    """Beats every 10 ms until told to stop; says goodbye however it is stopped."""

    def main(self):
        try:
            while not self.dataReady("control"):
                self.scheduler.call_later(0.01, self.unpause)
                self.pause()
                yield 1
            print("heartbeat got", type(self.recv("control")).__name__)
        finally:
            print("heartbeat: goodbye")


async def main():
    shout = Pipeline(PureTransformer(str.upper), PureTransformer(lambda word: word + "!"))
    async with aio.AsyncHandle(shout) as handle:
        for word in ["asyncio", "meets", "kamaelia"]:
            await handle.put(word)
        await handle.put(producerFinished(), "control")
        async for answer in handle:
            print(answer)

    task = asyncio.create_task(aio.run(Heartbeat()))
    await asyncio.sleep(0.05)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("the application cancelled the heartbeat task")


if __name__ == "__main__":
    asyncio.run(main())
