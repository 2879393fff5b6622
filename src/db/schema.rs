// The portable schema (DESIGN §10): UUIDs and JSON as Text, instants as UTC Timestamp.
// Written to match migrations/sqlite and migrations/postgres; tests/schema.rs checks
// that both backends have the same tables and columns.

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        name -> Text,
        role -> Text,
        password_hash -> Text,
        active -> Bool,
        created_at -> Timestamp,
        last_login_at -> Nullable<Timestamp>,
        digest -> Bool,
        digest_sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    requests (id) {
        id -> Text,
        reference -> Text,
        kind -> Text,
        status -> Text,
        outcome -> Nullable<Text>,
        rejection_reason -> Nullable<Text>,
        subject_name -> Text,
        subject_email -> Nullable<Text>,
        subject_phone -> Nullable<Text>,
        customer_number -> Nullable<Text>,
        details -> Text,
        message -> Nullable<Text>,
        channel -> Text,
        received_at -> Timestamp,
        verified_at -> Nullable<Timestamp>,
        verification_method -> Nullable<Text>,
        paused_since -> Nullable<Timestamp>,
        paused_days -> Integer,
        extended_to -> Nullable<Date>,
        extension_reason -> Nullable<Text>,
        due_date -> Date,
        assignee_id -> Nullable<Text>,
        closed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
        missed_policy_date -> Bool,
        answer_text -> Nullable<Text>,
        outcome_reasons -> Nullable<Text>,
        rejection_justification -> Nullable<Text>,
        withdrawal_reason -> Nullable<Text>,
        language -> Nullable<Text>,
        paused_on -> Nullable<Date>,
        subject_name_key -> Nullable<Text>,
        assigned_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    reference_counters (year) {
        year -> Integer,
        last_number -> Integer,
    }
}

diesel::table! {
    tokens (id) {
        id -> Text,
        token_hash -> Text,
        purpose -> Text,
        request_id -> Nullable<Text>,
        email -> Nullable<Text>,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_events (id) {
        id -> BigInt,
        request_id -> Nullable<Text>,
        actor -> Text,
        action -> Text,
        from_status -> Nullable<Text>,
        to_status -> Nullable<Text>,
        note -> Nullable<Text>,
        at -> Timestamp,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        template -> Text,
        to_address -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Nullable<Text>,
        request_id -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        lease_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        sealed_body -> Nullable<Text>,
        lease_owner -> Nullable<Text>,
        token_id -> Nullable<Text>,
        first_attempt_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    sessions (id_hash) {
        id_hash -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    data_fixes (name) {
        name -> Text,
        done_at -> Timestamp,
    }
}

diesel::table! {
    reminders_sent (request_id, due_date, stage) {
        request_id -> Text,
        due_date -> Date,
        stage -> Integer,
        covers -> Date,
        sent_to -> Nullable<Text>,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    write_lock (id) {
        id -> Integer,
        counter -> BigInt,
    }
}

diesel::table! {
    questions (id) {
        id -> Text,
        request_id -> Text,
        purpose -> Text,
        body -> Text,
        asked_by -> Text,
        asked_at -> Timestamp,
        pauses_clock -> Bool,
        answered_at -> Nullable<Timestamp>,
        answer_text -> Nullable<Text>,
    }
}

diesel::table! {
    uploads (id) {
        id -> Text,
        request_id -> Text,
        question_id -> Nullable<Text>,
        stored_name -> Text,
        original_name -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        uploaded_at -> Timestamp,
        identity_document -> Bool,
        keep_reason -> Nullable<Text>,
        deleted_at -> Nullable<Timestamp>,
        item_no -> Nullable<Integer>,
    }
}

diesel::table! {
    notes (id) {
        id -> Text,
        request_id -> Text,
        author_id -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    data_categories (code) {
        code -> Text,
        position -> Integer,
        active -> Bool,
        label_en -> Nullable<Text>,
        label_nb -> Nullable<Text>,
        label_sv -> Nullable<Text>,
    }
}

diesel::table! {
    retention_rules (id) {
        id -> Text,
        category_code -> Text,
        citation -> Text,
        amount -> Integer,
        unit -> Text,
        anchor -> Text,
        text_en -> Text,
        text_nb -> Text,
        text_sv -> Text,
        verify_before_production -> Bool,
        active -> Bool,
        position -> Integer,
    }
}

diesel::table! {
    category_outcomes (request_id, category_code) {
        request_id -> Text,
        category_code -> Text,
        outcome -> Text,
        rule_id -> Nullable<Text>,
        anchor_date -> Nullable<Date>,
        until_date -> Nullable<Date>,
        recorded_by -> Text,
        recorded_at -> Timestamp,
        followup_at -> Nullable<Timestamp>,
        erased_at -> Nullable<Timestamp>,
        erased_by -> Nullable<Text>,
    }
}

diesel::table! {
    suppressions (kind, value) {
        kind -> Text,
        value -> Text,
        request_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    restriction_lifts (request_id) {
        request_id -> Text,
        reason -> Text,
        outbox_id -> Nullable<Text>,
        requested_by -> Text,
        requested_at -> Timestamp,
        lifted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    objection_decisions (request_id, purpose) {
        request_id -> Text,
        purpose -> Text,
        upheld -> Bool,
        grounds -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Timestamp,
    }
}

diesel::table! {
    recipients (id) {
        id -> Text,
        name -> Text,
        email -> Text,
        kind -> Text,
        country -> Text,
        safeguard -> Nullable<Text>,
        identifiers -> Text,
        active -> Bool,
        position -> Integer,
    }
}

diesel::table! {
    recipient_categories (recipient_id, category_code) {
        recipient_id -> Text,
        category_code -> Text,
    }
}

diesel::table! {
    rectification_items (request_id, item_no) {
        request_id -> Text,
        item_no -> Integer,
        category_code -> Nullable<Text>,
        decision -> Nullable<Text>,
        reason -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    notices (id) {
        id -> Text,
        request_id -> Text,
        recipient_id -> Text,
        outbox_id -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
        last_sent_at -> Nullable<Timestamp>,
        acknowledged_at -> Nullable<Timestamp>,
        exempt_reason -> Nullable<Text>,
    }
}

diesel::table! {
    notice_links (token_hash) {
        token_hash -> Text,
        notice_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    processing_purposes (code) {
        code -> Text,
        label_en -> Text,
        label_nb -> Text,
        label_sv -> Text,
        legal_basis -> Text,
        retention_rule_id -> Nullable<Text>,
        retention_en -> Nullable<Text>,
        retention_nb -> Nullable<Text>,
        retention_sv -> Nullable<Text>,
        source_en -> Nullable<Text>,
        source_nb -> Nullable<Text>,
        source_sv -> Nullable<Text>,
        automated_en -> Nullable<Text>,
        automated_nb -> Nullable<Text>,
        automated_sv -> Nullable<Text>,
        active -> Bool,
        position -> Integer,
    }
}

diesel::table! {
    purpose_categories (purpose_code, category_code) {
        purpose_code -> Text,
        category_code -> Text,
    }
}

diesel::table! {
    purpose_recipients (purpose_code, recipient_id) {
        purpose_code -> Text,
        recipient_id -> Text,
    }
}

diesel::table! {
    package_datasets (id) {
        id -> Text,
        request_id -> Text,
        name -> Text,
        file_stem -> Text,
        category_code -> Text,
        field_names -> Text,
        record_count -> Integer,
        added_by -> Text,
        added_at -> Timestamp,
    }
}

diesel::table! {
    package_records (dataset_id, record_no) {
        dataset_id -> Text,
        record_no -> Integer,
        data -> Text,
    }
}

diesel::table! {
    package_redactions (id) {
        id -> Text,
        dataset_id -> Text,
        field -> Text,
        record_no -> Nullable<Integer>,
        reason -> Text,
        redacted_by -> Text,
        redacted_at -> Timestamp,
    }
}

diesel::table! {
    package_files (id) {
        id -> Text,
        request_id -> Text,
        stored_name -> Text,
        original_name -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        category_code -> Text,
        added_by -> Text,
        added_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    packages (id) {
        id -> Text,
        request_id -> Text,
        stored_name -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        built_at -> Timestamp,
        expires_at -> Timestamp,
        downloads -> Integer,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    package_links (token_hash) {
        token_hash -> Text,
        package_id -> Text,
        sent_to -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        downloads -> Integer,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Text,
        name -> Text,
        prefix -> Text,
        key_hash -> Text,
        scopes -> Text,
        acts_as -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    idempotency_keys (api_key_id, method, path, idem_key) {
        api_key_id -> Text,
        method -> Text,
        path -> Text,
        idem_key -> Text,
        body_hash -> Text,
        status -> Integer,
        response -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    webhook_subscriptions (id) {
        id -> Text,
        name -> Text,
        url -> Text,
        events -> Text,
        identifiers -> Text,
        sealed_secret -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        disabled_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        subscription_id -> Text,
        request_id -> Text,
        event -> Text,
        payload -> Text,
        status -> Text,
        created_at -> Timestamp,
        next_attempt_at -> Timestamp,
        attempts -> Integer,
        first_attempt_at -> Nullable<Timestamp>,
        lease_owner -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
        delivered_at -> Nullable<Timestamp>,
        last_status -> Nullable<Integer>,
        last_response -> Nullable<Text>,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    webhook_tasks (id) {
        id -> Text,
        request_id -> Text,
        subscription_id -> Text,
        delivery_id -> Text,
        event -> Text,
        created_at -> Timestamp,
        done_at -> Nullable<Timestamp>,
        done_by -> Nullable<Text>,
        done_note -> Nullable<Text>,
        overridden_at -> Nullable<Timestamp>,
        overridden_by -> Nullable<Text>,
        override_reason -> Nullable<Text>,
    }
}

diesel::joinable!(requests -> users (assignee_id));
diesel::joinable!(recipient_categories -> recipients (recipient_id));
diesel::joinable!(notices -> requests (request_id));
diesel::joinable!(notices -> recipients (recipient_id));
diesel::joinable!(notice_links -> notices (notice_id));
diesel::joinable!(purpose_categories -> processing_purposes (purpose_code));
diesel::joinable!(purpose_recipients -> processing_purposes (purpose_code));
diesel::joinable!(package_records -> package_datasets (dataset_id));
diesel::joinable!(package_redactions -> package_datasets (dataset_id));
diesel::joinable!(package_links -> packages (package_id));
diesel::joinable!(api_keys -> users (created_by));
diesel::joinable!(idempotency_keys -> api_keys (api_key_id));
diesel::joinable!(webhook_deliveries -> webhook_subscriptions (subscription_id));
diesel::joinable!(webhook_deliveries -> requests (request_id));
diesel::joinable!(webhook_tasks -> webhook_subscriptions (subscription_id));
diesel::joinable!(webhook_tasks -> requests (request_id));
diesel::joinable!(webhook_tasks -> webhook_deliveries (delivery_id));
diesel::joinable!(retention_rules -> data_categories (category_code));
diesel::joinable!(category_outcomes -> requests (request_id));
diesel::joinable!(category_outcomes -> retention_rules (rule_id));
diesel::joinable!(restriction_lifts -> requests (request_id));
diesel::joinable!(tokens -> requests (request_id));
diesel::joinable!(audit_events -> requests (request_id));
diesel::joinable!(outbox -> requests (request_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(questions -> requests (request_id));
diesel::joinable!(questions -> users (asked_by));
diesel::joinable!(uploads -> requests (request_id));
diesel::joinable!(uploads -> questions (question_id));
diesel::joinable!(notes -> requests (request_id));
diesel::joinable!(notes -> users (author_id));
diesel::joinable!(reminders_sent -> requests (request_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    requests,
    reference_counters,
    tokens,
    audit_events,
    outbox,
    sessions,
    data_fixes,
    write_lock,
    questions,
    uploads,
    notes,
    reminders_sent,
    data_categories,
    retention_rules,
    category_outcomes,
    suppressions,
    restriction_lifts,
    objection_decisions,
    recipients,
    recipient_categories,
    rectification_items,
    notices,
    notice_links,
    processing_purposes,
    purpose_categories,
    purpose_recipients,
    package_datasets,
    package_records,
    package_redactions,
    package_files,
    packages,
    package_links,
    api_keys,
    idempotency_keys,
    webhook_subscriptions,
    webhook_deliveries,
    webhook_tasks
);
