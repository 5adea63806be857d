"""Files: read a file line by line, transform each line, write the result to another file.

Readers stream in bounded memory (one message per scheduler turn) and send
producerFinished at the end of the file, which shuts the pipeline down.
Needs kamaelia-axon, kamaelia-chassis and kamaelia-console:

    python examples/file_copy.py
"""

import pathlib
import tempfile

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.File.Reading import SimpleReader
from Kamaelia.File.Writing import SimpleFileWriter
from Kamaelia.Util.PureTransformer import PureTransformer

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        source = pathlib.Path(folder, "in.txt")
        target = pathlib.Path(folder, "out.txt")
        source.write_text("first line\nsecond line\nthird line\n")
        Pipeline(
            SimpleReader(source),  # text mode: one line per message
            PureTransformer(lambda line: f"{len(line.rstrip())}\t{line}"),
            SimpleFileWriter(target, mode="w"),
        ).run()
        print(target.read_text(), end="")
