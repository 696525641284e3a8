"""The official notice of one year's holidays and make-up working days (Bộ Nội vụ), as an
office imports it or the central server publishes it: one model, checked the same way."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator

DAY_OUTSIDE_YEAR = "ngày {day} không thuộc năm {year}"
DAY_IN_BOTH_LISTS = "ngày {day} vừa là ngày nghỉ vừa là ngày làm bù"


class YearNotice(BaseModel):
    """The file an office imports: the official notice of one year (Bộ Nội vụ)."""

    model_config = ConfigDict(extra="forbid")

    year: int = Field(ge=2000, le=2100)
    source: str = Field(min_length=1)
    holidays: list[date]
    working_days: list[date] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> YearNotice:
        for day in [*self.holidays, *self.working_days]:
            if day.year != self.year:
                raise ValueError(DAY_OUTSIDE_YEAR.format(day=day.isoformat(), year=self.year))
        both = set(self.holidays) & set(self.working_days)
        if both:
            raise ValueError(DAY_IN_BOTH_LISTS.format(day=min(both).isoformat()))
        return self
