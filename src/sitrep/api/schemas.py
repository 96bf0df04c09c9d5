"""Request bodies of the write endpoints (responses are documented on each route)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

EventId = Annotated[str, Field(min_length=1, max_length=200)]


class MergeRequest(BaseModel):
    """Two fused events that report the same real-world event."""

    model_config = ConfigDict(extra="forbid")

    event_ids: Annotated[list[EventId], Field(min_length=2, max_length=2)]

    @model_validator(mode="after")
    def _distinct(self) -> MergeRequest:
        if self.event_ids[0] == self.event_ids[1]:
            raise ValueError("give two different event ids")
        return self


class SplitRequest(BaseModel):
    """The mention (a document's event, by index) to take out of the event."""

    model_config = ConfigDict(extra="forbid")

    doc_id: Annotated[str, Field(min_length=1, max_length=500)]
    index: Annotated[int, Field(ge=0, le=10_000)]


#: OpenAPI schema of POST /documents: one FORMAT.md §1 object, or a list of them.
DOCUMENT_SCHEMA = {
    "type": "object",
    "required": ["id", "text"],
    "properties": {
        "id": {"type": "string"},
        "text": {"type": "string", "description": "raw scraped text or HTML"},
        "source": {"type": ["string", "null"]},
        "published": {"type": ["string", "null"], "format": "date"},
        "title": {"type": ["string", "null"]},
        "url": {"type": ["string", "null"]},
    },
}
DOCUMENTS_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [
                        DOCUMENT_SCHEMA,
                        {"type": "array", "items": DOCUMENT_SCHEMA, "minItems": 1},
                    ]
                }
            }
        },
    }
}
