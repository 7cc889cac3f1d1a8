"""What tests share, by topic. Test modules import helpers from here only, never from a
conftest.py (which holds fixtures) or from another test module.

accounts       staff users in the newsroom's roles, logging a test client in
api            the JSON API: its clock, addresses and reading answers
article_admin  the article admin's addresses, workflow buttons and a filled-in add form
browser        steps a person takes in the admin with Playwright (the browser tests)
factories      factory_boy factories for every model
feeds          reading feeds and sitemaps: XML namespaces, their clock, parsing
forms          admin forms read and submitted the way a browser does it
html           parsing HTML: start tags, visible text, an lxml tree of a response
imagefiles     real image files made byte by byte, with the metadata agencies write
images         the image library's admin (upload and review steps) and its media files
pages          reading the reader's pages: meta tags, elements, teaser titles
xss            hostile texts (the XSS corpus) and checks that pages, feeds and JSON keep them inert
"""
