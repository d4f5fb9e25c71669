-- Unit leaders (issue 11): the role `leader`, bound to one or more units, sees its
-- own units' results beside the whole municipality and nothing else. (That
-- `app_user.role` may say 'leader' is done by `Db::migrate` after the migrations:
-- see `backend::db::ROLE_CHECK_REBUILD` for why not here.)

-- The units a leader answers for, by the name the bodies and open links carry.
CREATE TABLE leader_unit (
    user_id         INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    unit            TEXT    NOT NULL,
    assigned_at     BIGINT  NOT NULL,
    PRIMARY KEY (user_id, unit)
);

-- A leader's start page finds the consultations that cover a unit.
CREATE INDEX respondent_by_unit ON respondent (unit, consultation_id, state);
