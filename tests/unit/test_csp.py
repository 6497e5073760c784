"""The Content-Security-Policy: only the theme's known inline scripts are hashed; any other fails."""

import pytest

from kb.csp import (UnknownInlineScript, _MD_SCOPE_REST, _PALETTE, add_content_security_policy, content_security_policy,
                    script_hash)

SCOPE = '__md_scope=new URL("../..",location)' + _MD_SCOPE_REST
PAGE = ('<html><head><meta charset="utf-8"><script>' + SCOPE + '</script></head><body>'
        '<script>' + _PALETTE + '</script><script id="__config" type="application/json">{"a": 1}</script>'
        '<script type="application/ld+json">{"@type": "Thing"}</script><script src="assets/x.js"></script></body></html>')


def test_known_scripts_are_hashed_and_data_blocks_ignored():
    policy = content_security_policy(PAGE)
    assert script_hash(SCOPE) in policy and script_hash(_PALETTE) in policy
    assert policy.count("'sha256-") == 2
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy


def test_the_scope_url_may_be_any_path_but_not_break_out_of_its_string():
    assert content_security_policy(PAGE.replace('"../.."', '"/kb/"'))
    with pytest.raises(UnknownInlineScript):
        content_security_policy(PAGE.replace('"../.."', '"x",alert(1),"'))


@pytest.mark.parametrize("injected", ["alert(1)", _PALETTE + ";alert(1)", " " + _PALETTE])
def test_any_other_inline_script_fails_the_build(injected):
    with pytest.raises(UnknownInlineScript) as caught:
        content_security_policy(PAGE.replace("</body>", f"<script>{injected}</script></body>"))
    assert "docs/assets/" in str(caught.value)


def test_the_meta_comes_first_in_head():
    html = add_content_security_policy(PAGE)
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script")
    assert html.index("<meta charset") < html.index('http-equiv="Content-Security-Policy"')
