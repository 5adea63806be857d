"""TLS: the echo server and Talker of echo_server.py, over an encrypted, verified connection.

Servers and clients take a standard-library `ssl.SSLContext` (`sslContext=`).
To stay self-contained this example makes a throwaway self-signed certificate
with the `cryptography` package (`pip install cryptography`); in real use you
load your own certificate and key. Needs kamaelia-axon, kamaelia-chassis and
kamaelia-net:

    python examples/tls_echo.py
"""

import datetime
import pathlib
import ssl
import tempfile

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from echo_server import Talker  # the client side of examples/echo_server.py

from Kamaelia.Chassis.ConnectedServer import SimpleServer
from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Internet.TCPClient import TCPClient
from Kamaelia.Protocol.EchoProtocol import EchoProtocol


def make_certificate(folder):
    """A self-signed certificate for "localhost"; returns (certificate path, key path)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = pathlib.Path(folder, "cert.pem"), pathlib.Path(folder, "key.pem")
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        cert, key = make_certificate(folder)
        server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server_context.load_cert_chain(cert, key)
        client_context = ssl.create_default_context(cafile=str(cert))  # trusts only this cert

    server = SimpleServer(protocol=EchoProtocol, port=0, sslContext=server_context)
    client = TCPClient(
        "127.0.0.1", server.port, sslContext=client_context, serverHostname="localhost"
    )
    Graphline(
        SERVER=server,
        CLIENT=client,
        TALKER=Talker(["secret", "message"]),
        linkages={
            ("TALKER", "outbox"): ("CLIENT", "inbox"),
            ("CLIENT", "outbox"): ("TALKER", "inbox"),
            ("TALKER", "signal"): ("CLIENT", "control"),
            ("CLIENT", "signal"): ("TALKER", "control"),
            ("TALKER", "stopserver"): ("SERVER", "control"),
        },
    ).run()
    print("the TLS connection was verified against the throwaway certificate")
