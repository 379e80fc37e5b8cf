"""Security headers on every response, and CORS closed unless origins are allowed."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: The API returns JSON and DOCX: nothing to run, nothing to embed.
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
#: FastAPI's interactive docs load Swagger UI or ReDoc from jsDelivr and start them inline.
DOCS_POLICY = (
    "default-src 'none'; script-src 'self' https://cdn.jsdelivr.net 'unsafe-inline'; "
    "style-src 'self' https://cdn.jsdelivr.net 'unsafe-inline'; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "font-src https://fonts.gstatic.com; worker-src blob:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)
DOCS = ("/docs", "/redoc")


class SecurityHeaders:
    """Adds ``X-Content-Type-Options``, ``Referrer-Policy``, ``X-Frame-Options``, a
    ``Content-Security-Policy`` and ``Cache-Control: no-store`` (every answer but the
    docs may carry personal data or a token), and HSTS when asked to."""

    def __init__(self, app: ASGIApp, *, hsts_seconds: int = 0) -> None:
        self.app = app
        self.hsts_seconds = hsts_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = str(scope.get("path", "")).startswith(DOCS)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["X-Frame-Options"] = "DENY"
                headers["Cross-Origin-Resource-Policy"] = "same-origin"
                headers["Content-Security-Policy"] = DOCS_POLICY if docs else API_POLICY
                if not docs:
                    headers["Cache-Control"] = "no-store"
                if self.hsts_seconds:
                    headers["Strict-Transport-Security"] = f"max-age={self.hsts_seconds}"
            await send(message)

        await self.app(scope, receive, with_headers)


def add_cors(app: FastAPI, origins: tuple[str, ...]) -> None:
    """Let browsers at ``origins`` call the API with a bearer token; none: CORS closed."""
    if not origins:
        return  # no Access-Control-* headers: browsers keep other origins out
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(origins),
        allow_methods=["GET", "POST", "PATCH"],
        allow_headers=["Authorization", "Content-Type", "If-Match", "Accept-Language"],
        expose_headers=["ETag"],
        allow_credentials=False,  # bearer tokens, no cookies
        max_age=600,
    )
