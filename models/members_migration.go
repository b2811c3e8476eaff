package models

// membersMigration brings people in: roles (three built in), members, their invitations and sessions,
// the sign-in back-off, and a role for each API token (ADMIN and EDITOR tokens hold the built-in roles
// of those names; DELIVERY tokens none, they stay the delivery policy).
//
// Assets, versions and uploads may now be created by a member, so their creator is no longer a
// foreign key to api_tokens: SQLite cannot drop a constraint, so on both dialects the old column is
// renamed aside (keeping its constraint, unused from now on) and a plain one takes its name.
var membersMigration = sqlMigration{id: "0016_members", statements: []string{
	`CREATE TABLE roles (
		id VARCHAR(40) PRIMARY KEY,
		name VARCHAR(100) NOT NULL,
		name_key VARCHAR(100) NOT NULL UNIQUE,
		built_in BOOLEAN NOT NULL DEFAULT FALSE,
		permissions TEXT NOT NULL,
		created_at {time} NOT NULL,
		updated_at {time} NOT NULL)`,
	`INSERT INTO roles (id, name, name_key, built_in, permissions, created_at, updated_at) VALUES
		('` + AdminRoleID + `', 'Admin', 'admin', TRUE, '{"readMedia":"ALL","writeMedia":"ALL","deleteMedia":"ALL","publishMedia":true,"manageTags":true,"manageCollections":true,"manageTokens":true,"manageWebhooks":true,"manageSettings":true,"moderate":true}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
		('` + EditorRoleID + `', 'Editor', 'editor', TRUE, '{"readMedia":"ALL","writeMedia":"ALL","deleteMedia":"ALL","publishMedia":true,"manageTags":true,"manageCollections":true,"manageTokens":false,"manageWebhooks":false,"manageSettings":false,"moderate":false}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
		('` + ViewerRoleID + `', 'Viewer', 'viewer', TRUE, '{"readMedia":"ALL","writeMedia":"NONE","deleteMedia":"NONE","publishMedia":false,"manageTags":false,"manageCollections":false,"manageTokens":false,"manageWebhooks":false,"manageSettings":false,"moderate":false}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
	`CREATE TABLE members (
		id VARCHAR(40) PRIMARY KEY,
		email VARCHAR(254) NOT NULL UNIQUE,
		name VARCHAR(200) NOT NULL,
		role_id VARCHAR(40) NOT NULL REFERENCES roles(id),
		password_hash TEXT,
		deactivated_at {time},
		created_at {time} NOT NULL,
		updated_at {time} NOT NULL)`,
	`CREATE INDEX members_role ON members (role_id)`,
	`CREATE TABLE invitations (
		id VARCHAR(40) PRIMARY KEY,
		member_id VARCHAR(40) NOT NULL REFERENCES members(id),
		token_hash {bytes} NOT NULL UNIQUE,
		expires_at {time} NOT NULL,
		used_at {time},
		created_at {time} NOT NULL)`,
	`CREATE TABLE sessions (
		id VARCHAR(40) PRIMARY KEY,
		member_id VARCHAR(40) NOT NULL REFERENCES members(id),
		secret_hash {bytes} NOT NULL UNIQUE,
		user_agent TEXT,
		created_at {time} NOT NULL,
		last_used_at {time} NOT NULL,
		expires_at {time} NOT NULL,
		revoked_at {time})`,
	`CREATE INDEX sessions_member ON sessions (member_id, created_at)`,
	`CREATE TABLE login_failures (
		key VARCHAR(300) PRIMARY KEY,
		count INTEGER NOT NULL,
		first_at {time} NOT NULL,
		locked_until {time})`,
	`ALTER TABLE api_tokens ADD COLUMN role_id VARCHAR(40) REFERENCES roles(id)`,
	`UPDATE api_tokens SET role_id = '` + AdminRoleID + `' WHERE role = 'ADMIN'`,
	`UPDATE api_tokens SET role_id = '` + EditorRoleID + `' WHERE role = 'EDITOR'`,
	`CREATE INDEX api_tokens_role ON api_tokens (role_id)`,
	`ALTER TABLE assets RENAME COLUMN created_by_id TO token_created_by_id`,
	`ALTER TABLE assets ADD COLUMN created_by_id VARCHAR(40)`,
	`UPDATE assets SET created_by_id = token_created_by_id, token_created_by_id = NULL`,
	`CREATE INDEX assets_created_by ON assets (created_by_id)`,
	`ALTER TABLE asset_versions RENAME COLUMN created_by_id TO token_created_by_id`,
	`ALTER TABLE asset_versions ADD COLUMN created_by_id VARCHAR(40)`,
	`UPDATE asset_versions SET created_by_id = token_created_by_id, token_created_by_id = NULL`,
	`ALTER TABLE uploads RENAME COLUMN created_by_id TO token_created_by_id`,
	`ALTER TABLE uploads ADD COLUMN created_by_id VARCHAR(40)`,
	`UPDATE uploads SET created_by_id = token_created_by_id, token_created_by_id = NULL`,
}}
