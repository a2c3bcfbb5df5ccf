-- The titles of a set's source reports (a JSON object: report file name -> title), and the title
-- copied into a contest's question snapshot with the rest of its source.
ALTER TABLE question_set ADD COLUMN report_titles VARCHAR(8000);
ALTER TABLE contest_question ADD COLUMN source_title VARCHAR(300);
