"""MIME types by file extension (1.x ``Kamaelia.Protocol.HTTP.MimeTypes``).

``extensionToMimeType`` holds 1.x's table; ``workoutMimeType`` also asks the
standard library for extensions the table lacks.
"""

from __future__ import annotations

import mimetypes

__all__ = ["extensionToMimeType", "workoutMimeType"]

extensionToMimeType = {
    "png": "image/png",
    "gif": "image/gif",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "ico": "image/x-icon",
    "c": "text/plain",
    "py": "text/plain",
    "cpp": "text/plain",
    "cc": "text/plain",
    "h": "text/plain",
    "hpp": "text/plain",
    "txt": "text/plain",
    "htm": "text/html",
    "html": "text/html",
    "css": "text/css",
    "zip": "application/zip",
    "gz": "application/x-gzip",
    "tar": "application/x-tar",
    "mid": "audio/mid",
    "mp3": "audio/mpeg",
    "wav": "audio/x-wav",
    "cool": "text/cool",
}


def workoutMimeType(filename: str) -> str:
    """The MIME type for ``filename`` by its extension; ``application/octet-stream`` if unknown."""
    extension = filename.rsplit(".", 1)[-1] if "." in filename else ""
    known = extensionToMimeType.get(extension.lower())
    return known or mimetypes.guess_type(filename)[0] or "application/octet-stream"
