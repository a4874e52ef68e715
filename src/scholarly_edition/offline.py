"""The offline copy (make offline), opened from disk with no network.

Material's offline plugin (enabled by OFFLINE=true) switches to .html URLs,
inlines the search index into search_index.js, and would load the
iframe-worker shim from unpkg.com, without which search is hidden under
file://. We ship the shim instead: assets/javascripts/iframe-worker/shim.js
is shim/index.js of the npm package iframe-worker 1.0.4, unchanged (MIT,
LICENSE beside it). search.py writes each language's search_index.js.
"""

SHIM = "assets/javascripts/iframe-worker/shim.js"


def use_local_shim(config) -> None:
    """Before the offline plugin, which adds unpkg.com unless a polyfill names iframe-worker."""
    if is_offline(config):
        config.extra["polyfills"] = [SHIM]


def is_offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)
