"""The publishing guard: a build for the published site (the deploy job sets KB_PUBLISHING=1)
refuses the local defaults, so no canonical address, citation, card or export names
127.0.0.1 or a placeholder publisher. Local builds are not checked."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlparse

FLAG = "KB_PUBLISHING"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1", ""}
# The repository variables the deploy job reads (MAINTAINING.md, "Publishing").
PUBLISHER_VARIABLES = {"en": "SITE_PUBLISHER_EN", "es": "SITE_PUBLISHER_ES"}


def is_publishing(env: Mapping[str, str]) -> bool:
    return env.get(FLAG, "").strip() not in ("", "0")


def publishing_problems(env: Mapping[str, str]) -> list[str]:
    """What a publishing build lacks, each with what to set; empty when it may publish."""
    if not is_publishing(env):
        return []
    problems = []
    address = env.get("SITE_URL", "").strip()
    parsed = urlparse(address)
    if not address or parsed.hostname in LOCAL_HOSTS or parsed.hostname is None:
        problems.append(
            f"SITE_URL is {address or 'not set'}, the local default: set the repository variable SITE_URL "
            "(Settings > Secrets and variables > Actions > Variables) to the published address, "
            "e.g. https://owner.github.io/repo/, or enable GitHub Pages so the workflow reads it")
    elif parsed.scheme != "https":
        problems.append(f"SITE_URL is {address}: the published address should start with https://; set the repository variable SITE_URL to it")
    for lang, variable in PUBLISHER_VARIABLES.items():
        if not env.get(variable, "").strip():
            problems.append(
                f"{variable} is not set: set the repository variable {variable} to who publishes the "
                f"site, as the About page names them ({'in English' if lang == 'en' else 'in Spanish'})")
    return problems
