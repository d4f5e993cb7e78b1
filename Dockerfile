# One image per service, from the repository root:
#   docker build --build-arg SERVICE=intake -t wmo-intake .
# SERVICE is one of intake, pgb, indicatie, finance. Every image also carries wmo_shared, so any
# of them runs `python -m wmo_shared.db.bootstrap`.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ARG SERVICE
RUN case "${SERVICE}" in intake|pgb|indicatie|finance) ;; \
      *) echo "build with --build-arg SERVICE=intake|pgb|indicatie|finance" >&2; exit 1 ;; esac
# No BuildKit-only syntax (cache mounts, COPY --chmod): any builder, compose v1 included.
# Bytecode of both levels: the default one for migrations and commands, -OO for the worker
# (PYTHONOPTIMIZE=2, set by the entrypoint); the runtime never writes bytecode.
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never UV_NO_CACHE=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /src

# 1. Dependencies only, from the lock and the workspace members' pyproject.toml files: this
#    layer is rebuilt when the lock changes, not when the code does.
COPY pyproject.toml uv.lock ./
COPY shared/pyproject.toml shared/
COPY iwmo/pyproject.toml iwmo/
COPY devtools/pyproject.toml devtools/
COPY documents/pyproject.toml documents/
COPY exchange/pyproject.toml exchange/
COPY services/intake/pyproject.toml services/intake/
COPY services/pgb/pyproject.toml services/pgb/
COPY services/indicatie/pyproject.toml services/indicatie/
COPY services/finance/pyproject.toml services/finance/
RUN uv sync --frozen --no-dev --no-install-workspace --package "wmo-${SERVICE}" \
 && /app/.venv/bin/python -OO -m compileall -qq -j0 /app/.venv/lib

# 2. The code of the workspace packages the service needs, installed as wheels (not editable),
#    so that the runtime stage needs nothing but the virtual environment.
COPY shared shared
COPY iwmo iwmo
COPY documents documents
COPY services/${SERVICE} services/${SERVICE}
RUN uv sync --frozen --no-dev --no-editable --package "wmo-${SERVICE}" \
 && /app/.venv/bin/python -OO -m compileall -qq -j0 /app/.venv/lib
# 3. The OpenAPI document, built once here: a worker serves the file instead of building it
#    (which would cost it 11-16 MB for good; <SERVICE>_OPENAPI_FILE, set by the entrypoint).
RUN /app/.venv/bin/python -m wmo_shared.openapi_file "${SERVICE}" /app/openapi.json

FROM ${PYTHON_IMAGE}
ARG SERVICE
# Intake renders the letters (WeasyPrint): Pango, HarfBuzz subsetting and a font.
RUN if [ "${SERVICE}" = intake ]; then \
      apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
      && rm -rf /var/lib/apt/lists/*; \
    fi
RUN groupadd --system --gid 10001 wmo \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home wmo
COPY --from=build /app/.venv /app/.venv
COPY --from=build /app/openapi.json /app/openapi.json
COPY deploy/docker/entrypoint.sh /usr/local/bin/wmo-entrypoint
# XDG_CACHE_HOME: fontconfig (letters) wants a writable cache directory and says so on stderr
# for every letter process when it has none; /tmp is the one writable place, also under
# Kubernetes' read-only root file system (an emptyDir there). The fonts' own cache was built at
# install time, so nothing is written to it in practice.
ENV PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    WMO_SERVICE=${SERVICE} PORT=8000 XDG_CACHE_HOME=/tmp/.cache
WORKDIR /app
# Numeric, so that Kubernetes can verify runAsNonRoot.
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["python", "-c", "import os, sys, urllib.request; url = 'http://127.0.0.1:%s/health/ready' % os.environ.get('PORT', '8000'); sys.exit(0 if urllib.request.urlopen(url, timeout=2).status == 200 else 1)"]
# Without a command: the service under uvicorn on $PORT (see the entrypoint). Migrations are a
# separate step: run the image with `python -m wmo_<service>.migrate` first.
ENTRYPOINT ["/bin/sh", "/usr/local/bin/wmo-entrypoint"]
