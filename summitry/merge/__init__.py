"""The same event across articles, and its status lifecycle.

    list[Mention] (one per event per article)
        -> merge_mentions -> list[CalendarEvent] (one per real-world engagement)

`merge_mentions` is a pure function: the result depends only on the set of
mentions, not on their order, and merging a set twice gives the same calendar.
The store re-runs it on the part of the calendar a new article can touch.
"""

from summitry.merge.actors import actor_key
from summitry.merge.cluster import mentions_of, merge_mentions
from summitry.merge.records import CalendarEvent, Mention, Participant, StatusReport
from summitry.merge.timespan import time_interval

__all__ = [
    "CalendarEvent",
    "Mention",
    "Participant",
    "StatusReport",
    "actor_key",
    "mentions_of",
    "merge_mentions",
    "time_interval",
]
