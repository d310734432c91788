"""A report must open offline: the browser check names every request that left the file."""

from analytics.report.browser import check_report


def test_a_request_to_the_network_is_blocked_and_named(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><p>Mentions: 12</p>"
        '<img src="http://example.invalid/pixel.png" alt="">'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">'
        "</body></html>",
        encoding="utf-8",
    )
    check = check_report(page, width=800)
    # The remote image is refused and named; the file itself and the data: URL are not.
    assert check.blocked_requests == ["http://example.invalid/pixel.png"]
    assert not check.ok
