"""The web side: fetching feeds and pages politely, and refreshing subscriptions.

Never imports textual. ``ingest`` reads what this package fetches; the
``library`` stores it. Every request has a timeout, a size cap and a
User-Agent; every failure is a one-line reason, never an exception that
stops other feeds.
"""
