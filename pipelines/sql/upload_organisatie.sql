-- The organisatie of one upload (NULL for an unknown upload or one that named none), for the access policy.
SELECT organisatie FROM upload WHERE upload_id = $upload_id;
