UPDATE upload SET meldingen = $meldingen WHERE upload_id = $upload_id;
