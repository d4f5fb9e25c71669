-- Unit leaders (issue 11): the role `leader`, bound to one or more units, sees its
-- own units' results beside the whole municipality and nothing else.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
    CHECK (role IN ('admin', 'manager', 'viewer', 'leader'));

-- The units a leader answers for, by the name the bodies and open links carry.
CREATE TABLE leader_unit (
    user_id         BIGINT  NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    unit            TEXT    NOT NULL,
    assigned_at     BIGINT  NOT NULL,
    PRIMARY KEY (user_id, unit)
);

-- A leader's start page finds the consultations that cover a unit.
CREATE INDEX respondent_by_unit ON respondent (unit, consultation_id, state);
