"""Steps a person takes in the admin, shared by the browser tests (Playwright pages)."""

from tests.helpers.accounts import PASSWORD


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.wait_for_selector("#logout-form")


def log_out(page):
    with page.expect_navigation():
        page.click("#logout-form button[type=submit]")
    page.wait_for_selector("#content")


def click_and_wait_for_success(page, selector):
    with page.expect_navigation():
        page.click(selector)
    page.wait_for_selector(".messagelist .success")


def choose_autocomplete(page, select_id, term):
    """Pick the first match in one of the admin's select2 autocomplete fields."""
    page.click(f"[aria-labelledby='select2-{select_id}-container']")
    page.fill(".select2-container--open .select2-search__field", term)
    page.locator(".select2-results__option--highlighted", has_text=term).first.click()
