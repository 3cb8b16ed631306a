"""Guards for the write route: the bearer token and the body size limit.

1. No token configured (`SUMMITRY_TOKEN` unset or blank): 403, writes are off.
2. No `Authorization: Bearer ...` header, or a wrong token: 401, with
   `WWW-Authenticate: Bearer`. Tokens are compared in constant time.
3. A body over `ApiSettings.max_body_bytes`: 413, decided from
   `Content-Length` when it is sent and by counting while reading otherwise
   (so a chunked upload cannot get past the limit).

The token is checked before the body is read, so an unauthenticated client
cannot make the server read a large body.
"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

from summitry.api.settings import TOKEN_ENV_VAR, ApiSettings


def require_token(request: Request) -> None:
    """FastAPI dependency: 403 if writes are disabled, 401 without the right bearer token."""
    settings: ApiSettings = request.app.state.settings
    if not settings.token:
        raise HTTPException(
            403, f"writes are disabled: set {TOKEN_ENV_VAR} on the server to enable them"
        )
    header = request.headers.get("authorization", "")
    scheme, _, presented = header.partition(" ")
    if scheme.lower() != "bearer" or not presented.strip():
        raise HTTPException(
            401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )
    if not hmac.compare_digest(presented.strip().encode("utf-8"), settings.token.encode("utf-8")):
        raise HTTPException(
            401, "invalid token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}
        )


async def read_limited_body(request: Request) -> bytes:
    """The request body, or 413 if it is larger than the configured limit."""
    limit: int = request.app.state.settings.max_body_bytes
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise HTTPException(413, f"request body is larger than {limit} bytes")
        except ValueError:
            raise HTTPException(400, "invalid Content-Length") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
