-- Tickets record the service items their finish handled (事项办件量). A ticket stored before it gets the list its finish
-- would have recorded had the clerk confirmed nothing: a finished ticket its kiosk item (or none), any other ticket an
-- empty list (a transferred one served nothing at the window that handed it on).
UPDATE tickets
SET data = json_set(
  data,
  '$.servedItems',
  CASE
    WHEN state = 'finished' AND json_extract(data, '$.serviceItem') IS NOT NULL
      THEN json_array(json_extract(data, '$.serviceItem'))
    ELSE json('[]')
  END
);
