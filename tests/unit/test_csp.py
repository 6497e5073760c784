"""The Content-Security-Policy: only the theme's known inline scripts are hashed; any other fails."""

import pytest

from kb.csp import (UnknownInlineScript, _MD_SCOPE_REST, _PALETTE, add_content_security_policy, content_security_policy,
                    file_hash, offline_policy, script_hash)

SCOPE = '__md_scope=new URL("../..",location)' + _MD_SCOPE_REST
PAGE = ('<html><head><meta charset="utf-8"><script>' + SCOPE + '</script></head><body>'
        '<script>' + _PALETTE + '</script><script id="__config" type="application/json">{"a": 1}</script>'
        '<script type="application/ld+json">{"@type": "Thing"}</script><script src="assets/x.js"></script></body></html>')


def test_known_scripts_are_hashed_and_data_blocks_ignored():
    policy = content_security_policy(PAGE)
    assert script_hash(SCOPE) in policy and script_hash(_PALETTE) in policy
    assert policy.count("'sha256-") == 2
    assert "object-src 'none'" in policy and "base-uri 'none'" in policy and "form-action 'none'" in policy


def test_script_files_run_by_the_hash_of_their_trusted_copy_and_nothing_else():
    trusted = {"assets/x.js": b"window.ok = 1;"}
    html = add_content_security_policy(PAGE, lambda src: file_hash(trusted[src]))
    digest = file_hash(trusted["assets/x.js"])
    assert f'<script src="assets/x.js" integrity="{digest.strip(chr(39))}">' in html
    script_src = html.split("script-src ")[1].split(";")[0].split()
    assert digest in script_src and "'self'" not in script_src and len(script_src) == 3


def test_table_alignment_is_the_only_inline_style_and_it_is_allowed_by_hash():
    policy = content_security_policy(PAGE.replace("<body>", '<body><td style="text-align: right;">1</td>'))
    assert f"style-src 'self' 'unsafe-hashes' {script_hash('text-align: right;')};" in policy
    assert "unsafe-inline" not in policy


def test_an_offline_copy_allows_its_own_files_without_integrity():
    html = offline_policy(add_content_security_policy(PAGE, lambda src: file_hash(b"x")))
    assert "integrity=" not in html
    script_src = html.split("script-src ")[1].split(";")[0].split()
    assert script_src[0] == "'self'" and script_hash(SCOPE) in script_src


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
