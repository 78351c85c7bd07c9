"""The application factory: settings, the error table, cache and security headers, blueprints."""
from __future__ import annotations

import importlib
from collections.abc import Mapping

from flask import Flask

from mapapp import errors
from mapapp.atlas import pg_pool
from mapapp.settings import from_env, with_overrides
from mapapp.web import caching, security

# Modules whose blueprint `bp` the app serves.
BLUEPRINT_MODULES = ("mapapp.web.i18n", "mapapp.web.accounts", "mapapp.web.api", "mapapp.web.corrections_api",
                     "mapapp.web.review_api", "mapapp.web.description_api", "mapapp.web.pages",
                     "mapapp.web.period_basemap", "mapapp.web.embed", "mapapp.web.share_pages", "mapapp.web.compare",
                     "mapapp.web.review_pages")


def create_app(config: Mapping | None = None) -> Flask:
    """Return the Chronotope app, with settings from `CHRONOTOPE_*` variables overridden by `config`.

    Nothing is built here: the app reads the atlas `chronotope build` wrote to `ATLAS_DIR`.
    """
    app = Flask(__name__)
    settings = with_overrides(from_env(), config)
    app.config.from_mapping(settings.as_config())
    if config:
        app.config.update({k: v for k, v in config.items() if k not in settings.as_config()})
    app.extensions["chronotope.settings"] = settings
    if settings.DATABASE_URL:
        pg_pool.set_size(settings.DATABASE_POOL)
        # Each request's database connection goes back to the pool when the request ends.
        app.teardown_request(lambda error: pg_pool.release_thread())
    errors.init_app(app)
    caching.init_app(app)
    security.init_app(app)
    for name in BLUEPRINT_MODULES:
        module = importlib.import_module(name)
        app.register_blueprint(module.bp)
        if hasattr(module, "init_app"):
            module.init_app(app)
    return app

