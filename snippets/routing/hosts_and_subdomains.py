"""Routing on the Host header.

subdomain= with subdomain_matching, and host= with host_matching.
"""

from flask import Flask, url_for
from werkzeug.routing import BaseConverter

# --8<-- [start:tenants]
tenants = Flask(__name__, subdomain_matching=True)
tenants.config["SERVER_NAME"] = "shop.test"  # where the subdomain part ends


@tenants.get("/")
def landing():  # no subdomain= : only shop.test itself
    return {"page": "landing", "ada": url_for("storefront", tenant="ada")}


@tenants.get("/", subdomain="<tenant>")  # any subdomain, passed to the view
def storefront(tenant):
    return {"tenant": tenant, "landing": url_for("landing")}
# --8<-- [end:tenants]


# --8<-- [start:strict]
class TenantConverter(BaseConverter):
    # one DNS label: no dots, no "<invalid>"
    regex = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"


strict = Flask(__name__, subdomain_matching=True)
strict.url_map.converters["tenant"] = TenantConverter
strict.config["SERVER_NAME"] = "shop.test"
# anything else: 400
strict.config["TRUSTED_HOSTS"] = ["shop.test", ".shop.test"]


@strict.get("/", subdomain="<tenant:tenant>")
def strict_storefront(tenant):
    return {"tenant": tenant}
# --8<-- [end:strict]


# --8<-- [start:hosts]
hosts = Flask(__name__, host_matching=True, static_host="static.example.test")
# for url_for outside a request only
hosts.config["SERVER_NAME"] = "example.test"


@hosts.get("/", host="api.example.test")
def api_root():
    return {
        "site": "api",
        "docs": url_for("docs_root"),
        "org": url_for("org_root", org="acme"),
    }


@hosts.get("/", host="docs.example.test")
def docs_root():
    return {"site": "docs"}


# a whole other domain, with a variable
@hosts.get("/", host="<org>.customers.test")
def org_root(org):
    return {"site": "customer", "org": org}


@hosts.get("/health")  # no host=: the rule's host is "", which no request has
def health():
    return {"ok": True}
# --8<-- [end:hosts]


# --8<-- [start:outside]
def urls_without_a_request():
    """url_for in an app context: each host rule builds its own host."""
    with hosts.app_context():
        return "\n".join(url_for(endpoint, **values) for endpoint, values in [
            ("api_root", {}), ("docs_root", {}), ("org_root", {"org": "acme"}),
            ("static", {"filename": "app.css"}),
        ])
# --8<-- [end:outside]
