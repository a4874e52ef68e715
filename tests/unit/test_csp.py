"""The Content-Security-Policy: the hashes of exactly the inline scripts a browser runs."""

import base64
import hashlib

from scholarly_edition import csp, page_html


def sha256(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def test_only_inline_scripts_that_run_are_hashed_once_each():
    html = (
        "<script>a()</script><script type='module'>b()</script><script src='x.js'></script>"
        '<script type="application/json">{"c": 1}</script><script type="application/ld+json">{}</script>'
        "<script>a()</script><script></script>"
    )
    assert csp.inline_script_hashes(page_html.tokenize(html)) == [sha256("a()"), sha256("b()"), sha256("")]


def test_the_policy_is_the_first_element_of_head_and_names_the_pages_scripts():
    html = "<!doctype html><html><head><title>t</title><script>go()</script></head><body></body></html>"
    result = page_html.rewrite(html, csp.add_policy)
    head = result.split("<head>", 1)[1].lstrip()
    assert head.startswith('<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src')
    assert sha256("go()") in result and "'unsafe-inline'" not in result
    meta = result[result.index("\n") : result.index(">", result.index("<meta")) + 1]
    assert result.replace(meta, "") == html
