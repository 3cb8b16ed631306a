from api.calendar_fixtures import calendar, client, reader, server, settings, store  # noqa: F401 (fixtures)
