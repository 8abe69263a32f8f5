-- Targets as the roadmap writes them: titles in three languages, the roadmap's own wording, the lines a line
-- target counts (data, so an admin can point a target at other lines), and the kept-current gap lists of items 1.1
-- and 2.1, which have a deadline but no value to reach (so target_value is null for them).
ALTER TABLE targets
    ADD COLUMN kind          text NOT NULL DEFAULT 'target' CHECK (kind IN ('target', 'gap_list')),
    ADD COLUMN title_uz      text,
    ADD COLUMN title_ru      text,
    ADD COLUMN wording_uz    text,
    ADD COLUMN subject_lines text;
ALTER TABLE targets ALTER COLUMN target_value DROP NOT NULL;
ALTER TABLE targets ADD CONSTRAINT targets_value_of_target CHECK (kind = 'gap_list' OR target_value IS NOT NULL);
COMMENT ON COLUMN targets.subject_lines IS
    'lines a line target counts: <highway|railway>:class=<c1,c2> | key=<k1,k2> | name~<LIKE pattern>; null = the engine''s fixed definition of the indicator';
