"""HTTP for Kamaelia: 1.x's ``Kamaelia.Protocol.HTTP`` package on one HTTP/1.1 core (h11).

``HTTPServer`` (request handler components), ``HTTPClient`` (``SimpleHTTPClient``,
``SingleShotHTTPClient``), ``HTTPParser``, ``ErrorPages``, ``MimeTypes``
and ``Handlers.Minimal`` keep their 1.x import paths;
``Kamaelia.Protocol.SimpleHTTP`` shares the same core.
"""
