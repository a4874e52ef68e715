"""Scripts by URL are deferred; inline, module and already-deferred ones are left as they are."""

from scholarly_edition.loading import defer_scripts
from scholarly_edition.page_html import rewrite


def test_scripts_by_url_are_deferred_in_their_order():
    html = '<script src="a.js"></script><script>inline()</script><script src="b.js" type="text/javascript"></script>'
    assert rewrite(html, defer_scripts) == (
        '<script src="a.js" defer=""></script><script>inline()</script>'
        '<script src="b.js" type="text/javascript" defer=""></script>'
    )


def test_module_async_and_deferred_scripts_are_left_alone():
    html = (
        '<script type="module" src="m.js"></script><script async src="a.js"></script><script defer src="d.js"></script>'
    )
    assert rewrite(html, defer_scripts) == html
