"""Security headers on every response, as a plain ASGI middleware (bodies stream through).

- `X-Content-Type-Options: nosniff`: a JSON or iCal body is never run as HTML.
- `Referrer-Policy: no-referrer`: following a source link does not tell the
  news site which calendar, filters or event the reader was looking at.
- On HTML pages, a Content-Security-Policy that allows only our own scripts
  and styles and no framing: even if article text slipped past escaping, an
  inline `<script>` or `onerror=` would not run. The OpenAPI page (/api/docs)
  loads Swagger UI from its CDN and is left without it.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_EXEMPT_FROM_CSP = ("/api/docs",)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                content_type = next((v for n, v in headers if n.lower() == b"content-type"), b"")
                if content_type.startswith(b"text/html") and not path.startswith(_EXEMPT_FROM_CSP):
                    if b"content-security-policy" not in names:
                        headers.append(
                            (b"content-security-policy", CONTENT_SECURITY_POLICY.encode())
                        )
                    headers.append((b"x-frame-options", b"DENY"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
