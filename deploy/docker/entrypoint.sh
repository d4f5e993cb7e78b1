#!/bin/sh
# Entrypoint of every Wmo service image (the root Dockerfile, build argument SERVICE).
# <SERVICE>_ENVIRONMENT defaults to production, so that an image started without configuration
# refuses development authentication instead of accepting it. Without a command it serves the
# app with uvicorn on $PORT; with one (`python -m wmo_intake.migrate`, ...) it runs that.
set -eu
prefix=$(printf '%s' "$WMO_SERVICE" | tr '[:lower:]' '[:upper:]')
if [ -z "$(printenv "${prefix}_ENVIRONMENT" || true)" ]; then
  export "${prefix}_ENVIRONMENT=production"
fi
# The OpenAPI document the image build wrote (Dockerfile), served from the file.
if [ -z "$(printenv "${prefix}_OPENAPI_FILE" || true)" ] && [ -f /app/openapi.json ]; then
  export "${prefix}_OPENAPI_FILE=/app/openapi.json"
fi
if [ "$#" -eq 0 ]; then
  # The worker runs without docstrings and asserts (-OO): 5.5 MB less per worker (docs/
  # performance.md); the image holds that bytecode (Dockerfile) and the e2e tests run the
  # services so (tests/support/live.py). Its OpenAPI document, built without -OO, is the file.
  export PYTHONOPTIMIZE=2
  # The HTTP protocol bounds the request head (wmo_shared.http_server; as its UVICORN_ARGS).
  set -- uvicorn "wmo_${WMO_SERVICE}.main:create_app" --factory \
    --host 0.0.0.0 --port "${PORT:-8000}" --no-access-log \
    --loop uvloop --http wmo_shared.http_server:HttpProtocol --ws none --proxy-headers
fi
exec "$@"
